import { dismissToast, selectToasts, useToastStore } from './toastStore';
import './feedback.css';

/** The toasts, bottom centre; read out politely by screen readers. */
export function Toasts() {
  const toasts = useToastStore(selectToasts);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Staging notice">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`}>
          <span data-testid="toast-message">{t.message}</span>
          {t.action && (
            <button
              type="button"
              className="link"
              onClick={() => {
                dismissToast(t.id);
                t.action?.run();
              }}
            >
              {t.action.label}
            </button>
          )}
          <button
            type="button"
            className="ghost small"
            aria-label="Dismiss"
            onClick={() => dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
