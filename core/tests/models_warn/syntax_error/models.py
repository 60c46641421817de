from sqlmodel import Field, SQLModel


class Broken(SQLModel, table=True):
    id: int = Field(primary_key=True
    name: str
