import { engineDifferential } from "../support/engineDifferential";

engineDifferential("township-2018", 501);
