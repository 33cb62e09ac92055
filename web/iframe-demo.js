// iframe-demo.js — the parent side of iframe mode: resizes every <iframe data-versus> to the
// height its widget reports. A message counts only when it comes from that iframe's window
// (event.source) and from the origin its src points to (event.origin): any other page or frame
// can post messages here too.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'versus-height') return;
  for (const frame of document.querySelectorAll('iframe[data-versus]')) {
    if (event.source !== frame.contentWindow) continue;
    if (event.origin !== new URL(frame.src, location.href).origin) continue;
    const height = Number(data.height);
    if (Number.isFinite(height) && height > 0 && height < 100000) frame.style.height = `${Math.ceil(height)}px`;
  }
});
