/** Short messages after actions ("Deleted T-00047 · Undo"): the latest few, each gone after a while. */
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** A button beside the message: Undo after staging, Redo after an undo. */
  action?: { label: string; run(): void };
}

interface ToastState {
  toasts: Toast[];
}

export const useToastStore = create<ToastState>(() => ({ toasts: [] }));

const KEEP = 3;
const MS = { info: 6000, error: 10000 };
let next = 0;

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Shows a toast (the oldest leave past three) and removes it after 6 s (errors 10 s). */
export function showToast(message: string, opts: Omit<Partial<Toast>, 'id' | 'message'> = {}) {
  const toast: Toast = { id: ++next, message, tone: opts.tone ?? 'info', action: opts.action };
  useToastStore.setState((s) => ({ toasts: [...s.toasts, toast].slice(-KEEP) }));
  setTimeout(() => dismissToast(toast.id), MS[toast.tone]);
}

export const selectToasts = (s: ToastState) => s.toasts;
