/* included only while asyncc's clang parses the .ac file */
