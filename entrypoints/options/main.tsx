// Thin entrypoint: the options page lives in src/ui/options/.
import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/App';
import '../../src/ui/options/options.css';

import { loadSettings } from '../../src/settings/store';
import { fetchLocale, useLanguage } from '../../src/ui/i18n';

void loadSettings()
  .then((l) => useLanguage(l.settings.uiLanguage, fetchLocale))
  .catch(() => undefined)
  .then(() => render(<OptionsApp />, document.getElementById('app')!));
