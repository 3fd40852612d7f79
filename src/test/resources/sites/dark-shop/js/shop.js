// BrightBuy Outlet page behaviour: the offer countdown, the purchase notice and the newsletter pop-up.
(function () {
  'use strict';

  // Both countdowns start again on every page load and go down one second at a time: the offer from 09:59,
  // the checkout's basket reservation from 04:59.
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function countDown(id, from) {
    var timer = document.getElementById(id);
    var remaining = from;
    function show() { timer.textContent = pad(Math.floor(remaining / 60)) + ':' + pad(remaining % 60); }
    if (!timer) {
      return;
    }
    show();
    setInterval(function () {
      if (remaining > 0) {
        remaining -= 1;
      }
      show();
    }, 1000);
  }
  countDown('countdown-timer', 9 * 60 + 59);
  countDown('reserve-timer', 4 * 60 + 59);

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
