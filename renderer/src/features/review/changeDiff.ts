/** The review's diffs (shared/review/reviewModel), cached per change object for the page's life. */
import { createChangeDiff } from '../../../../shared/review/reviewModel';

export const changeDiff = createChangeDiff();
