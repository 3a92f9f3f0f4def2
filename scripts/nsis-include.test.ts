// Compiles resources/installer.nsh (the uninstaller's "remove your data?" question) with NSIS,
// inserted the way electron-builder's uninstaller inserts it, so a syntax error shows up here
// rather than in a Windows build. Needs makensis (Debian: apt-get install nsis); electron-builder's
// own NSIS bundle is a download, so this uses the system one and is skipped where there is none.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const include = fileURLToPath(new URL('../resources/installer.nsh', import.meta.url));

function hasMakensis(): boolean {
  try {
    execFileSync('makensis', ['-VERSION'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function harness(includePath: string): string {
  return `Unicode true
!include LogicLib.nsh
!define PRODUCT_NAME "Referral Companion for Quantower"
!define APP_FILENAME "Referral Companion for Quantower"
!define APP_PACKAGE_NAME "quantower-referral-companion"
; electron-builder's isUpdated LogicLib test (the uninstaller runs with --updated during updates).
!macro _isUpdated _a _b _t _f
  StrCmp "$R9" "updated" \`\${_t}\` \`\${_f}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
!include "${includePath}"
OutFile "harness.exe"
Section "main"
  WriteUninstaller "$TEMP\\uninstall.exe"
SectionEnd
Section "un.Uninstall"
  !insertmacro customUnInstall
SectionEnd
`;
}

async function compile(includeText?: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'nsis-'));
  try {
    let path = include;
    if (includeText !== undefined) {
      path = join(dir, 'broken.nsh');
      await writeFile(path, includeText);
    }
    await writeFile(join(dir, 'harness.nsi'), harness(path));
    await run('makensis', ['-V2', '-WX', 'harness.nsi'], { cwd: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasMakensis())('resources/installer.nsh', () => {
  it('compiles inside an uninstaller section, without warnings', async () => {
    await expect(compile()).resolves.toBeUndefined();
  });

  it('would be caught if it did not compile', async () => {
    // An ${ifNot} without its ${endIf}: NSIS refuses it.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: NSIS defines, not a JS template.
    const unclosed = '!macro customUnInstall\n  ${ifNot} ${isUpdated}\n!macroend\n';
    await expect(compile(unclosed)).rejects.toThrow();
  });
});
