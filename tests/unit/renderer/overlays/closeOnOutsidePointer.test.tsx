// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from '../../../../renderer/menus/MenuButton';
import { useCloseOnOutsidePointer } from '../../../../renderer/overlays/useCloseOnOutsidePointer';

afterEach(cleanup);

/** A popover with its toggle, a second part of it, and a control elsewhere that keeps its pointer-downs. */
function Popover({ close, initiallyOpen = true }: { close: () => void; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useCloseOnOutsidePointer([panel, toggle], open, () => {
    close();
    setOpen(false);
  });
  return (
    <>
      <button ref={toggle} type="button" onClick={() => setOpen(!open)}>
        toggle
      </button>
      <div ref={panel}>{open && <span>panel text</span>}</div>
      <p>elsewhere</p>
      <div onPointerDown={(event) => event.stopPropagation()}>keeps its pointer-downs</div>
    </>
  );
}

describe('useCloseOnOutsidePointer', () => {
  it('closes on a pointer-down outside, not on one inside any of its parts', () => {
    const close = vi.fn();
    render(<Popover close={close} />);
    fireEvent.pointerDown(screen.getByText('panel text'));
    fireEvent.pointerDown(screen.getByRole('button', { name: 'toggle' }));
    expect(close).not.toHaveBeenCalled();
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(close).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('panel text')).toBeNull();
  });

  it('closes even when the control pressed stops the event', () => {
    const close = vi.fn();
    render(<Popover close={close} />);
    fireEvent.pointerDown(screen.getByText('keeps its pointer-downs'));
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('listens only while open, and not after it is gone', () => {
    const close = vi.fn();
    const { unmount } = render(<Popover close={close} initiallyOpen={false} />);
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(close).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'toggle' }));
    unmount();
    act(() => void document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    expect(close).not.toHaveBeenCalled();
  });
});

describe('MenuButton', () => {
  const sections = [{ id: 'actions', actions: [{ id: 'export', label: 'Export…', run: () => {} }] }];

  it('a press on its button closes the open menu instead of reopening it', () => {
    render(<MenuButton label="More…" sections={sections} />);
    const button = screen.getByRole('button', { name: 'More…' });
    fireEvent.click(button);
    expect(screen.getByRole('menu', { name: 'More…' })).toBeTruthy();
    // A real press: the pointer goes down on the button, then its click.
    fireEvent.pointerDown(button);
    fireEvent.click(button);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('a press elsewhere closes the menu', () => {
    render(
      <>
        <MenuButton label="More…" sections={sections} />
        <p>the list</p>
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'More…' }));
    fireEvent.pointerDown(screen.getByText('the list'));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
