// The toast at the foot of the window (common/toast.ts): its message and, if it has one, its action.

import type { ReactNode } from 'react';
import { useI18n } from './i18n.tsx';
import { useStore } from './store.ts';
import { toasts } from './toast.ts';

export function ToastView(): ReactNode {
  const { t } = useI18n();
  const toast = useStore(toasts);
  if (!toast) return null;
  return (
    <div className={`toast${toast.error ? ' error' : ''}`} role={toast.error ? 'alert' : 'status'}>
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toasts.close();
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t.close} title={t.close} onClick={() => toasts.close()}>
        ×
      </button>
    </div>
  );
}
