/* included with quotes, relative to the .ac file (exec/quote-include.ac) */
#define ANSWER 42
