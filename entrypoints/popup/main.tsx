// Thin entrypoint: the toolbar popup lives in src/ui/popup/.
import { render } from 'preact';
import { Popup } from '../../src/ui/popup/Popup';
import { loadSettings } from '../../src/settings/store';
import { fetchLocale, useLanguage } from '../../src/ui/i18n';
import '../../src/ui/popup/popup.css';

void loadSettings()
  .then((l) => useLanguage(l.settings.uiLanguage, fetchLocale))
  .catch(() => undefined)
  .then(() => render(<Popup />, document.getElementById('app')!));
