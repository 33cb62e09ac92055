#!/usr/bin/env python3
"""xinput.py — real X input for the desktop tests, through libX11 and the XTest extension
(ctypes, no Python packages needed).

usage: xinput.py COMMAND [ARGS] [COMMAND [ARGS]]...
  key CHORD          press and release, e.g. ctrl+t, ctrl+equal, ctrl+minus, ctrl+0, F5
  click X Y          move the pointer to screen X,Y and click the left button
  wheel X Y N        turn the wheel N notches at X,Y (N > 0 scrolls down, N < 0 up)
  move X Y           move the pointer to screen X,Y
  drop X Y FILE...   drag FILEs from a helper window and drop them at X,Y on the top-level
                     window of class "versus" (WM_CLASS) (the XDND protocol, version 5)
  sleep S            wait S seconds

Exits 77 when libXtst is not there (the caller fails with a clear message), 1 on other failures.
"""
import ctypes
import os
import sys
import time
import urllib.parse

try:
    X = ctypes.cdll.LoadLibrary("libX11.so.6")
    XT = ctypes.cdll.LoadLibrary("libXtst.so.6")
except OSError as e:
    print(f"xinput.py: cannot load libX11/libXtst: {e}", file=sys.stderr)
    sys.exit(77)

P, UL, I = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int
X.XOpenDisplay.restype = P
X.XOpenDisplay.argtypes = [ctypes.c_char_p]
X.XDefaultRootWindow.restype = UL
X.XDefaultRootWindow.argtypes = [P]
X.XStringToKeysym.restype = UL
X.XStringToKeysym.argtypes = [ctypes.c_char_p]
X.XKeysymToKeycode.restype = ctypes.c_ubyte
X.XKeysymToKeycode.argtypes = [P, UL]
X.XSync.argtypes = [P, I]
X.XFlush.argtypes = [P]
X.XInternAtom.restype = UL
X.XInternAtom.argtypes = [P, ctypes.c_char_p, I]
X.XCreateSimpleWindow.restype = UL
X.XCreateSimpleWindow.argtypes = [P, UL, I, I, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint, UL, UL]
X.XSetSelectionOwner.argtypes = [P, UL, UL, UL]
X.XSendEvent.argtypes = [P, UL, I, ctypes.c_long, P]
X.XPending.argtypes = [P]
X.XNextEvent.argtypes = [P, P]
X.XChangeProperty.argtypes = [P, UL, UL, UL, I, I, ctypes.c_char_p, I]
X.XQueryTree.argtypes = [P, UL, ctypes.POINTER(UL), ctypes.POINTER(UL), ctypes.POINTER(ctypes.POINTER(UL)),
                         ctypes.POINTER(ctypes.c_uint)]


class XClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_char_p), ("res_class", ctypes.c_char_p)]


X.XGetClassHint.argtypes = [P, UL, ctypes.POINTER(XClassHint)]
X.XFree.argtypes = [P]
XT.XTestFakeKeyEvent.argtypes = [P, ctypes.c_uint, I, UL]
XT.XTestFakeButtonEvent.argtypes = [P, ctypes.c_uint, I, UL]
XT.XTestFakeMotionEvent.argtypes = [P, I, I, I, UL]

dpy = X.XOpenDisplay(None)
if not dpy:
    print("xinput.py: cannot open the display", file=sys.stderr)
    sys.exit(1)
root = X.XDefaultRootWindow(dpy)


class XEvent(ctypes.Structure):
    _fields_ = [("l", ctypes.c_long * 24)]   # the XEvent union, read as longs (64-bit layout)


def sync():
    X.XSync(dpy, 0)


def keycode(name):
    sym = X.XStringToKeysym(name.encode())
    if not sym:
        raise SystemExit(f"xinput.py: unknown key {name}")
    return X.XKeysymToKeycode(dpy, sym)


MODS = {"ctrl": "Control_L", "shift": "Shift_L", "alt": "Alt_L"}


def key(chord):
    parts = chord.split("+")
    codes = [keycode(MODS.get(p.lower(), p)) for p in parts]
    for c in codes:
        XT.XTestFakeKeyEvent(dpy, c, 1, 0)
        sync()
        time.sleep(0.03)
    for c in reversed(codes):
        XT.XTestFakeKeyEvent(dpy, c, 0, 0)
        sync()
        time.sleep(0.03)


def move(x, y):
    XT.XTestFakeMotionEvent(dpy, -1, int(x), int(y), 0)
    sync()
    time.sleep(0.05)


def click(x, y):
    move(x, y)
    XT.XTestFakeButtonEvent(dpy, 1, 1, 0)
    sync()
    time.sleep(0.05)
    XT.XTestFakeButtonEvent(dpy, 1, 0, 0)
    sync()
    time.sleep(0.05)


def wheel(x, y, n):
    move(x, y)
    button = 5 if n > 0 else 4
    for _ in range(abs(int(n))):
        XT.XTestFakeButtonEvent(dpy, button, 1, 0)
        XT.XTestFakeButtonEvent(dpy, button, 0, 0)
        sync()
        time.sleep(0.03)


def find_window(wm_class=b"versus"):
    r, parent = UL(), UL()
    children = ctypes.POINTER(UL)()
    n = ctypes.c_uint()
    X.XQueryTree(dpy, root, ctypes.byref(r), ctypes.byref(parent), ctypes.byref(children), ctypes.byref(n))
    found = None
    for i in range(n.value):
        hint = XClassHint()
        if X.XGetClassHint(dpy, children[i], ctypes.byref(hint)) and hint.res_class == wm_class:
            found = children[i]
    return found


def atom(name):
    return X.XInternAtom(dpy, name.encode(), 0)


def send_client_message(target, message_type, data):
    ev = XEvent()
    ev.l[0] = 33            # ClientMessage
    ev.l[4] = target        # window
    ev.l[5] = message_type
    ev.l[6] = 32            # format
    for i, v in enumerate(data):
        ev.l[7 + i] = v
    X.XSendEvent(dpy, target, 0, 0, ctypes.byref(ev))
    sync()


def event_type(ev):
    return ev.l[0] & 0xFFFFFFFF   # an int in a long's slot: the upper half is padding


def next_event(timeout):
    end = time.time() + timeout
    ev = XEvent()
    while time.time() < end:
        if X.XPending(dpy):
            X.XNextEvent(dpy, ctypes.byref(ev))
            return ev
        time.sleep(0.01)
    return None


def drop(x, y, files):
    target = find_window()
    if not target:
        raise SystemExit("xinput.py: no window of class versus")
    uris = "".join("file://" + urllib.parse.quote(os.path.abspath(f)) + "\r\n" for f in files).encode()
    src = X.XCreateSimpleWindow(dpy, root, 0, 0, 1, 1, 0, 0, 0)
    selection, uri_list, copy = atom("XdndSelection"), atom("text/uri-list"), atom("XdndActionCopy")
    status, finished = atom("XdndStatus"), atom("XdndFinished")
    X.XSetSelectionOwner(dpy, selection, src, 0)
    move(x, y)
    send_client_message(target, atom("XdndEnter"), [src, 5 << 24, uri_list, 0, 0])
    send_client_message(target, atom("XdndPosition"), [src, 0, (int(x) << 16) | int(y), 0, copy])
    accepted = False
    ev = next_event(5)
    while ev is not None:
        if event_type(ev) == 33 and ev.l[5] == status:
            accepted = bool(ev.l[8] & 1)
            break
        ev = next_event(5)
    if not accepted:
        raise SystemExit("xinput.py: the window did not accept the drop")
    send_client_message(target, atom("XdndDrop"), [src, 0, 0, 0, 0])
    ev = next_event(5)
    while ev is not None:
        if event_type(ev) == 30:   # SelectionRequest: hand over the uri list
            requestor, sel, tgt, prop, when = ev.l[5], ev.l[6], ev.l[7], ev.l[8], ev.l[9]
            X.XChangeProperty(dpy, requestor, prop, tgt, 8, 0, uris, len(uris))
            reply = XEvent()
            reply.l[0] = 31   # SelectionNotify
            reply.l[4], reply.l[5], reply.l[6], reply.l[7], reply.l[8] = requestor, sel, tgt, prop, when
            X.XSendEvent(dpy, requestor, 0, 0, ctypes.byref(reply))
            sync()
        elif event_type(ev) == 33 and ev.l[5] == finished:
            return
        ev = next_event(5)
    raise SystemExit("xinput.py: the drop did not finish")


def main(args):
    i = 0
    while i < len(args):
        cmd = args[i]
        if cmd == "key":
            key(args[i + 1]); i += 2
        elif cmd == "click":
            click(args[i + 1], args[i + 2]); i += 3
        elif cmd == "move":
            move(args[i + 1], args[i + 2]); i += 3
        elif cmd == "wheel":
            wheel(args[i + 1], args[i + 2], int(args[i + 3])); i += 4
        elif cmd == "sleep":
            time.sleep(float(args[i + 1])); i += 2
        elif cmd == "drop":
            files = []
            j = i + 3
            while j < len(args) and args[j] not in ("key", "click", "move", "wheel", "sleep", "drop"):
                files.append(args[j]); j += 1
            drop(args[i + 1], args[i + 2], files); i = j
        else:
            raise SystemExit(f"xinput.py: unknown command {cmd}\n{__doc__}")


main(sys.argv[1:])
