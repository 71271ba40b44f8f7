/**
 * The HTML shell of the web page. It holds no data: the browser module fills <main> from the API,
 * so every piece of article text reaches the page through textContent and is never parsed as HTML.
 */
export function indexHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dossier</title>
<link rel="stylesheet" href="/assets/style.css">
<script type="module" src="/assets/client/main.js"></script>
</head>
<body>
<a class="skip-link" href="#app" id="skip-to-content">Skip to content</a>
<header class="top">
  <a class="brand" href="#/">dossier</a>
  <nav aria-label="views">
    <a href="#/" data-nav="articles">Articles</a>
    <a href="#/dyad" data-nav="dyad">Dyad</a>
    <a href="#/stories" data-nav="stories">Stories</a>
  </nav>
  <form class="search" id="search-form" role="search">
    <input type="search" name="q" id="search-input" placeholder="Search the corpus" aria-label="Search the corpus" maxlength="200">
    <button type="submit">Search</button>
  </form>
</header>
<main id="app" tabindex="-1"><p class="muted">Loading...</p></main>
<noscript>The dossier page needs JavaScript; the API is at /api/openapi.json.</noscript>
</body>
</html>
`;
}
