// The Settings section: language and appearance (other features add their own groups).
export const settings = {
  heading: 'Settings',
  languageLabel: 'Language',
  themeLabel: 'Appearance',
  languages: { system: 'System default', en: 'English', ru: 'Русский' },
  themes: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
  loadFailed: "Couldn't load or save your settings.",
};
