/**
 * The options page. Sections are independent components; each reads and writes its own storage
 * keys and reports what happened in words (an aria-live status), never silently.
 */
import { useEffect } from 'preact/hooks';
import { t, uiLang } from '../i18n';
import { SelfHostedSection } from './SelfHosted';
import { SettingsSections } from './SettingsSections';

export function OptionsApp() {
  useEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t('optionsTitle');
  }, []);
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="lede">{t('optionsPrivacy')}</p>
      <SettingsSections />
      <SelfHostedSection />
    </main>
  );
}
