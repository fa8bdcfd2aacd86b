// The ribbon button only opens the task pane (ShowTaskpane); the function file must still exist
// and initialise Office, or Excel reports the add-in as broken.
Office.onReady(() => undefined);
