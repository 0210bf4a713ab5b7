// The copy button beside the share links: shown only where this script runs. It hands the page to
// the system's share sheet where the browser has one (Web Share API), and copies the link otherwise.
(function () {
  var button = document.querySelector('.share-copy');
  if (!button) return;
  var item = button.parentNode;
  var status = item.querySelector('.share-status');
  var url = button.getAttribute('data-url');
  function copied() { status.textContent = button.getAttribute('data-copied'); }
  function copy() {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(copied, function () {});
    }
  }
  if (!navigator.share && !(navigator.clipboard && navigator.clipboard.writeText)) return;
  item.hidden = false;
  button.addEventListener('click', function () {
    if (navigator.share) {
      navigator.share({ title: button.getAttribute('data-title'), url: url }).catch(copy);
    } else {
      copy();
    }
  });
})();
