/**
 * Words that carry no topic in a question ("what is the max …"). Removed from queries and from
 * indexed text. Based on lunr's English stop-word list, plus question scaffolding that learners
 * type ("difference", "explain", "vs") and the fillers they hedge with ("actually", "basically"),
 * minus words that matter in AWS notes ("not", "no", "off").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a able about across after all almost also am among an and any are as at be because been but by can
  cannot could dear did do does either else ever every for from get got had has have he her hers him his
  how however i if in into is it its just least let like likely may me might most must my neither nor
  of often on only or other our own rather said say says she should since so some than that the their
  them then there these they this tis to too twas us wants was we were what when where which while who
  whom why will with would yet you your
  vs versus difference differences between compare compared comparison explain tell whats what's
  please know much many does do did use used using using aws amazon i'm im we're thing things
  hi hey thanks thank question answer need needed want long without within via per upon
  actually really literally basically`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words too generic to decide a topic on their own ("integration types", "auth options"): they
 * are searched at expansion weight and a passage need not contain them to answer.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  'type types kind kinds option options way ways feature features work works happen happens make get gets give max maximum min minimum limit limits'.split(
    ' ',
  ),
);
