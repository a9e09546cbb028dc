/** Why a scanned file cannot be processed; the message is shown to editors on the document. */
export type ScanProblemKind = 'encrypted' | 'broken' | 'unsupported' | 'too-large' | 'missing';

/** A problem with the file itself: processing it again will not help, so it is not retried. */
export class ScanFileProblem extends Error {
  constructor(
    readonly kind: ScanProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'ScanFileProblem';
  }
}
