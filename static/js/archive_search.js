// The archive's search (Pagefind, run over the archive by archive/build.py): the index of the
// page's language, which Pagefind picks from <html lang>, and the words of the address (?q=,
// sent by the search box of every page), searched at once.
"use strict";
const archiveSearch = new PagefindUI({ element: "#archive-search", showImages: false });
const words = new URLSearchParams(location.search).get("q");
if (words) {
  archiveSearch.triggerSearch(words);
}
