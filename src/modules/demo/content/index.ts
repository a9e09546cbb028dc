import type { DemoDocument } from '../demo.types.ts';
import { berlinNote, berlinSectorCable, ulbrichtLetter, viennaAideMemoire } from './berlin.ts';
import { alekseevCable, excommNotes, havanaEmbassyReport, shippingLog, shippingLogAnnex } from './cuba.ts';
import { hanoiPoliticalReport, hanoiTransitCable, liuzhouMinutes, parisTalksMemo } from './indochina.ts';
import { armisticeReport, pyongyangCable, redCrossLetter, zhouMolotov } from './korea-geneva.ts';
import {
  borderChronology,
  borderMemo,
  chervonenkoCable,
  ussuriMemo,
  zhouKosygin,
} from './sino-soviet-border.ts';
import {
  borderConsultations,
  liuXiaoGromyko,
  octoberGreetings,
  specialistsNote,
} from './sino-soviet-split.ts';
import { dachenReport, dullesYeh, kinmenTelegram, warsawTalksReport } from './taiwan-strait.ts';
import { draftChenYiMinutes, draftHavanaCable, withdrawnDuplicate } from './unpublished.ts';
import { huangMesyatsev, sovietStatement, xinjiangReport } from './xinjiang-1962.ts';

/**
 * Every document of the demo archive, in the order they are saved: the 1962 record the document page
 * is modelled on comes first, so a fresh demo shows it as record 1.
 */
export const demoDocuments: DemoDocument[] = [
  huangMesyatsev,
  sovietStatement,
  xinjiangReport,
  chervonenkoCable,
  borderMemo,
  specialistsNote,
  liuXiaoGromyko,
  borderConsultations,
  octoberGreetings,
  borderChronology,
  ussuriMemo,
  zhouKosygin,
  pyongyangCable,
  redCrossLetter,
  armisticeReport,
  zhouMolotov,
  liuzhouMinutes,
  hanoiTransitCable,
  hanoiPoliticalReport,
  parisTalksMemo,
  dachenReport,
  kinmenTelegram,
  warsawTalksReport,
  dullesYeh,
  berlinNote,
  viennaAideMemoire,
  berlinSectorCable,
  ulbrichtLetter,
  alekseevCable,
  excommNotes,
  havanaEmbassyReport,
  shippingLog,
  shippingLogAnnex,
  draftChenYiMinutes,
  draftHavanaCable,
  withdrawnDuplicate,
];
