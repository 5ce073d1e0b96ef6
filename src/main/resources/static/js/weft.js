// Copy-to-clipboard for the one-time token display. No inline scripts (the CSP forbids them).
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy-target]');
  if (!button) return;
  const input = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(input.value);
    if (status) status.textContent = 'Copied. Store it somewhere safe: it will not be shown again.';
  } catch (e) {
    input.select();
    if (status) status.textContent = 'Select the token and copy it (Ctrl+C / Cmd+C).';
  }
});
