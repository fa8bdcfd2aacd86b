import { libreOfficeDifferential } from "../support/libreOfficeDifferential";

libreOfficeDifferential("township-2018", 10_001);
