// Marks the link to the page being shown, for screen readers and the bold style.
document.addEventListener('DOMContentLoaded', function () {
  var here = window.location.pathname;
  document.querySelectorAll('.main-nav a').forEach(function (link) {
    if (link.getAttribute('href') === here) {
      link.setAttribute('aria-current', 'page');
    }
  });
});
