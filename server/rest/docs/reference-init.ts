// The script that starts Swagger UI on /docs/api, reading the OpenAPI document embedded in the page (no second round
// trip). Settings chosen for readers: operations listed but closed, no "try it out" until asked, and no deep-link
// anchors inside the operation buttons (a link inside a button is unusable with a keyboard or screen reader).
export const REFERENCE_INIT = `(() => {
  const spec = JSON.parse(document.getElementById('openapi-document').textContent);
  window.ui = SwaggerUIBundle({
    spec,
    dom_id: '#swagger-ui',
    deepLinking: false,
    persistAuthorization: true,
    tryItOutEnabled: false,
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
    syntaxHighlight: { activated: true, theme: 'agate' },
  });
})();`;
