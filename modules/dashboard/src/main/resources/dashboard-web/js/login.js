// The login page: posts the API key as JSON (the server sets an HttpOnly session cookie) and goes back where it came from.
const form = document.getElementById('login');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const response = await fetch('/api/login', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ apiKey: form.elements.apiKey.value }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    error.textContent = problem.detail || ('Login failed: HTTP ' + response.status);
    return;
  }
  const next = new URLSearchParams(location.search).get('next');
  // only a path of this site, never another origin
  location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
});
