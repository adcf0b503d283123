import { useState } from 'preact/hooks';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';

/** Where a section says how an action went, announced by screen readers. */

/** A message for the user: `ok` and `info` are polite, `error` interrupts. */
export interface NoticeMessage {
  kind: 'ok' | 'info' | 'error';
  text: string;
}

/**
 * Both live regions exist from the first render (a region inserted with its text is often not
 * announced); the message fills the one that matches its kind.
 */
export function Notice({ message }: { message: NoticeMessage | undefined }) {
  const polite = message && message.kind !== 'error' ? message : undefined;
  const urgent = message?.kind === 'error' ? message : undefined;
  return (
    <>
      <p role="status" class={polite?.kind === 'ok' ? 'ok notice' : 'notice'}>
        {polite?.text}
      </p>
      <p role="alert" class="error notice">
        {urgent?.text}
      </p>
    </>
  );
}

/** The message of anything thrown, for a Notice. */
export function errorNotice(error: unknown): NoticeMessage {
  return { kind: 'error', text: errorText(ui, error) };
}

/**
 * A section's notice and the actions it runs: busy while one runs (the section's buttons wait),
 * then the notice the action returns, or what it threw in words (`describe`).
 */
export function useSectionAction() {
  const [message, setMessage] = useState<NoticeMessage>();
  const [busy, setBusy] = useState(false);
  const run = async (
    action: () => Promise<NoticeMessage | undefined>,
    describe: (error: unknown) => NoticeMessage = errorNotice,
  ) => {
    setBusy(true);
    try {
      const outcome = await action();
      if (outcome) setMessage(outcome);
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  };
  return { message, setMessage, busy, run };
}
