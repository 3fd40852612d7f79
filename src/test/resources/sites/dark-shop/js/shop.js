// BrightBuy Outlet page behaviour: the offer countdown, the purchase notice and the newsletter pop-up.
(function () {
  'use strict';

  // The countdown starts from 09:59 on every page load and goes down one second at a time.
  var remaining = 9 * 60 + 59;
  var timer = document.getElementById('countdown-timer');
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function showTimer() { timer.textContent = pad(Math.floor(remaining / 60)) + ':' + pad(remaining % 60); }
  if (timer) {
    showTimer();
    setInterval(function () {
      if (remaining > 0) {
        remaining -= 1;
      }
      showTimer();
    }, 1000);
  }

  // The purchase notice shows up about one second after the page loads.
  var toast = document.getElementById('purchase-toast');
  if (toast) {
    setTimeout(function () { toast.hidden = false; }, 1000);
  }

  // Either button closes the newsletter pop-up.
  var modal = document.getElementById('newsletter-modal');
  ['modal-accept', 'modal-decline'].forEach(function (id) {
    var button = document.getElementById(id);
    if (modal && button) {
      button.addEventListener('click', function () { modal.hidden = true; });
    }
  });
})();
