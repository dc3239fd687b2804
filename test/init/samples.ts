// Valid sample numbers for tests, with their check characters computed by the checker's own functions.
import { idCheckDigit, usccCheckCharacter } from '../../src/facts/identity.js';

export const idNumber = (first17: string) => first17 + idCheckDigit(first17);
export const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

/** A Guangdong ID number (born 1990-01-01) and one whose check digit is off by one. */
export const ZHANG_ID = idNumber('44030519900101123');
export const ZHANG_ID_WRONG = ZHANG_ID.slice(0, 17) + (ZHANG_ID[17] === '1' ? '2' : '1');
export const LI_ID = idNumber('44030519920202567');
export const WANG_ID = idNumber('11010119850505432');
/** A Hong Kong residents' residence permit number (region 81). */
export const HK_PERMIT = idNumber('81000019880808123');
/** A Shenzhen enterprise's unified social credit code and a wrong variant. */
export const ACME_USCC = uscc('91440300MA5FAAAA1');
export const ACME_USCC_WRONG = ACME_USCC.slice(0, 17) + (ACME_USCC[17] === '0' ? '1' : '0');
/** A Chengdu (Sichuan) enterprise's credit code. */
export const SICHUAN_USCC = uscc('91510100MA6CAAAA1');
/** A Hangzhou (Zhejiang) enterprise's credit code. */
export const ZHEJIANG_USCC = uscc('91330100MA2CAAAA1');
/** A Tianjin ID number (born 1990-01-01). */
export const TIANJIN_ID = idNumber('12010419900101123');
