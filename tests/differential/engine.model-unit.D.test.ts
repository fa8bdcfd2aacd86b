import { engineDifferential } from "../support/engineDifferential";

engineDifferential("model-unit", 751);
