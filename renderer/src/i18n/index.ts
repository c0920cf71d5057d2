/**
 * zh/en for every visible string, with i18next: Chinese first, English switchable. Host and core errors are
 * translated from their codes by core's own catalogue (formatMessage), not here.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export type UiLang = 'zh' | 'en';

const saved = localStorage.getItem('vep-lang');
export const initialLang: UiLang = saved === 'en' || saved === 'zh' ? saved : 'zh';

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initialLang,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function setUiLang(lang: UiLang): void {
  localStorage.setItem('vep-lang', lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export { i18n };
