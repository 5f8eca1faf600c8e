/**
 * The judgement calls behind the 1Q01 release (August 14, 2001) that its text and arithmetic leave
 * open, reviewed and kept beside its source: ingest (src/model/ingest) applies them after settling
 * every figure it can by the release's own arithmetic, and tests/ingest/seed.test.ts proves that
 * the source text plus these calls gives the bundled data file, cell for cell.
 */
import type { IngestJudgements } from "../types";

export const JUDGEMENTS_2001_08_14: IngestJudgements = {
  release: "2001-08-14",
  detached: [
    {
      // The OCR split Table 3 from its row: the label and three values stand between paragraphs on
      // page 6. No identity ties bandwidth to any other figure, so which quarter each is cannot be
      // proved; read in the table's column order they rise with Table 1's contracts.
      table: "Table 3",
      label: "Dedicated Access Services",
      periods: ["1Q01", "4Q00", "1Q00"],
      reason:
        "Table 3's values and its row label \"Dedicated Access Services\" were split from the table by the OCR. Read in the table's column order 1Q01, 4Q00, 1Q00: 4.6 / 3.5 / 2.2 Gbps, rising with Table 1's contract counts (1,070 -> 1,301 -> 1,329 IP Service contracts).",
    },
  ],
  outlooks: [
    {
      // The revenues outlook is the CFO's two sentences; ingest's pattern finds only the first (the
      // operating-income outlook, the summary's last bullet, it finds as recorded).
      id: "revenues",
      label: "Revenues",
      period: "FY2001",
      page: "page 2",
      heading: "Overview of the 1Q Results and Business Outlook",
      place: "the quote of Yasuhiro Nishi, CFO",
      text: "We also expect sales revenues in the fiscal 2001 to increase from each sales category under our total network solutions approach. We believe that revenues from SI services will be stronger in the second half of this fiscal year.",
    },
  ],
};
