// Section ids of the UI (renderer/src/shell/sections.ts), as settings store them and page
// addresses name them (#earnings). No zod here: the renderer bundle imports this module.
export const DEFAULT_SECTION = 'referral';
export const SECTION_ID_PATTERN = /^[a-z][a-z0-9-]{0,40}$/u;
