import { LANGUAGES, useI18n, type Language } from '../i18n/i18n-context.js';

// Each language is named in itself, so a reader who cannot read the current one still finds theirs.
const NATIVE_NAME: Readonly<Record<Language, string>> = { en: 'English', zh: '简体中文' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Language)} data-testid="language-switch">
        {LANGUAGES.map((l) => <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>{NATIVE_NAME[l]}</option>)}
      </select>
    </label>
  );
}
