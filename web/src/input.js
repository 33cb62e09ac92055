// input.js — how the browser's input maps onto the core's: cursors, keys, pointer types.

// ImGuiMouseCursor → CSS cursor.
export const CURSORS = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];

// KeyboardEvent.key values forwarded to the core, by index (same order as kKeys in core.cpp).
export const KEYS = ['Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End',
  'Enter', ' ', 'Escape', 'Backspace', 'Delete', 'Insert'];

export const POINTER_TYPES = { mouse: 0, touch: 1, pen: 2 };
