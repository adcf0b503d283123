import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ui } from '@/utils/i18n';

const LINKEDIN = { origins: ['https://www.linkedin.com/*'] };

/**
 * Firefox lets the user withhold an extension's host access. Without it nothing shows on
 * LinkedIn, so say so and ask (the request must come from this click).
 */
export function HostAccess() {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    void browser.permissions.contains(LINKEDIN).then(setGranted);
  }, []);
  if (granted !== false) return null;
  return (
    <p role="alert" class="card">
      {ui.t('hostAccess_missing')}{' '}
      <button
        type="button"
        class="primary"
        onClick={() => void browser.permissions.request(LINKEDIN).then(setGranted)}
      >
        {ui.t('hostAccess_allow')}
      </button>
    </p>
  );
}
