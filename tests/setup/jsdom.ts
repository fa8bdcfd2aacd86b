import { configure } from "@testing-library/react";

// CI shares two cores with a webpack build; the pane's async steps can take longer than RTL's 1 s default.
configure({ asyncUtilTimeout: 5_000 });
