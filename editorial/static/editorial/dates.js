// Dates mean what was typed. Wagtail's date pickers (jQuery datetimepicker) replace, when the
// field loses focus, any text they cannot read in the display format (25/11/2026) with today's
// date, silently: "2027-01-01" became today. Left as typed, the server reads the display
// format and ISO dates, and refuses anything else with a visible error on the field.
if (window.jQuery && window.jQuery.fn.datetimepicker) {
  window.jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
}
