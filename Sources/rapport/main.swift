import RapportCore
print(RapportVersion.string)
