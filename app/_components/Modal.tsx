'use client';

import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * The one dialog frame of the app (Radix: focus trap, Escape, labelled by its title). A
 * `tall` dialog (a list to check) fills the phone's height and scrolls inside.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  tall = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  tall?: boolean;
  children?: ReactNode;
}) {
  const place = tall ? 'top-[4vh] max-h-[92vh] w-[min(96vw,40rem)]' : 'top-1/4 max-h-[70vh] w-[min(92vw,32rem)]';
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className={`fixed left-1/2 z-50 -translate-x-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ${place}`}>
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          {description && <Dialog.Description className="mt-2 text-sm text-slate-600">{description}</Dialog.Description>}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const ModalClose = Dialog.Close;
