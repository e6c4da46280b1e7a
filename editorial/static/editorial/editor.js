// Autosave never acts for the user (editorial/publishing.py has the server's side of this).
// Wagtail's autosave posts the whole editor form, and its "save" event can be cancelled:
// - once a review action (Approve and publish, Request changes) has added its fields to the
//   form, the form is being submitted: an autosave then would race the submit;
// - a new page is created by its first deliberate save, not by autosave.
(() => {
  const NEW_PAGE_PATH = /\/pages\/add\//;

  document.addEventListener("w-autosave:save", (event) => {
    const formData = event.detail && event.detail.formData;
    const reviewing = formData && formData.has("action-workflow-action");
    const creating = NEW_PAGE_PATH.test(window.location.pathname);
    if (reviewing || creating) {
      event.preventDefault();
    }
  });
})();
