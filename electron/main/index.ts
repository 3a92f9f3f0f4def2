// Entry point of the Electron main process (built to out/main/index.js).
import { runCompanionApp } from './app.ts';

runCompanionApp({ mainDir: import.meta.dirname });
