import StrataLanguage
print("strata")
