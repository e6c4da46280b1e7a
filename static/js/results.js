// A filter (a form, a tag link) leads to its list, #id. A new page says nothing to a screen
// reader of how many results it holds: once the page is read, its live region says it.
"use strict";
for (const region of document.querySelectorAll("[data-result-announcement]")) {
  if (location.hash === `#${region.dataset.list}`) {
    // A live region speaks when its text changes after it is in the page.
    setTimeout(() => { region.textContent = region.dataset.resultAnnouncement; }, 300);
  }
}
