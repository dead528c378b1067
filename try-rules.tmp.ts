import { evaluate } from '/work/main/src/core/rules/index.js';
const a = (id: number, completedOn: string, amount: string, unit: any, category: any, aamaApproved: boolean) => ({ id, completedOn, amount, unit, category, aamaApproved });
const acts = [a(1,'2023-01-10','8','ceu','clinical',true), a(2,'2022-06-15','1','card',undefined,false), a(3,'2024-06-20','1','card',undefined,false), a(4,'2025-01-01','20','points','administrative',false)];
console.log(JSON.stringify(evaluate({code:'CMA',expiresOn:'2027-02-28'}, acts, '2026-11-24'), null, 1));
console.log(JSON.stringify(evaluate({code:'CMA',expiresOn:'2027-02-28'}, acts, '2026-11-24', {'cma.cprCountsAsApproved': false}).requirements));
console.log(JSON.stringify(evaluate({code:'CCMA',expiresOn:'2026-08-31'}, [a(1,'2025-01-01','6','nha-credits',undefined,false),a(2,'2025-02-01','3','hours',undefined,false),a(3,'2025-03-01','3','hours',undefined,false)], '2026-05-01'), null, 1));
