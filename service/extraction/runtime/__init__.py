"""How the Doc is made fast (parsing, ruler index, lemmas on demand, matmul): no field logic."""
