import { libreOfficeDifferential } from "../support/libreOfficeDifferential";

libreOfficeDifferential("model-unit", 10_001);
