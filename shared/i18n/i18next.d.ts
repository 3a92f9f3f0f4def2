// Typed keys, in the renderer and in core: t('share:heading') compiles only if the English resource has it.
import 'i18next';
import type { en } from './resources.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
