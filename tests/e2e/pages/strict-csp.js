// Proves the page's own script ran under the CSP, and records CSP violations for the test to read.
document.getElementById('csp-status').textContent = 'CSP script ran';
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
