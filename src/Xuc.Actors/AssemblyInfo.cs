namespace Xuc.Actors;
